from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapports"

    def ready(self) -> None:
        # journeys never imports reports: it sends a signal and shows the sections registered here.
        from django.db.models.signals import post_delete, post_save

        from accounts.delivery import register_receipt
        from journeys.extensions import SUMMARY, register_project_section
        from journeys.signals import diagnostic_completed
        from reports.deliveries import ReportDeliveryReceipt
        from reports.emails import RECEIPT_KIND
        from reports.models import Report
        from reports.panels import KEPT, report_section
        from reports.receivers import report_changed, report_on_diagnostic_completed

        diagnostic_completed.connect(report_on_diagnostic_completed, dispatch_uid="reports.diagnostic_completed")
        register_project_section(report_section, place=SUMMARY, kept=KEPT)
        post_save.connect(report_changed, sender=Report, dispatch_uid="reports.section.save")
        post_delete.connect(report_changed, sender=Report, dispatch_uid="reports.section.delete")
        register_receipt(RECEIPT_KIND, ReportDeliveryReceipt())
