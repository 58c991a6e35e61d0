"""Baseline: a bare page with the same layout, and the home page."""

from django.test import Client

from benchmarks.harness import Report, time_page


def run(report: Report) -> None:
    client = Client()
    report.add("plan du site (page nue, même gabarit)", **time_page(client, "/plan-du-site/"))
    report.add("accueil anonyme", **time_page(client, "/"))
    report.add("santé /sante/", **time_page(client, "/sante/"))
