from tests.smtp import hanging_smtp, smtp_sink

__all__ = ["hanging_smtp", "smtp_sink"]
