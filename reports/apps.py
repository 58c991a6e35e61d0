from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = "Rapports"

    def ready(self) -> None:
        # journeys never imports reports: it sends a signal and shows the sections registered here.
        from accounts.delivery import register_receipt
        from journeys.extensions import SUMMARY, register_project_section
        from journeys.signals import diagnostic_completed
        from reports.deliveries import ReportDeliveryReceipt
        from reports.emails import RECEIPT_KIND
        from reports.panels import report_section
        from reports.receivers import report_on_diagnostic_completed

        diagnostic_completed.connect(report_on_diagnostic_completed, dispatch_uid="reports.diagnostic_completed")
        register_project_section(report_section, place=SUMMARY)
        register_receipt(RECEIPT_KIND, ReportDeliveryReceipt())
