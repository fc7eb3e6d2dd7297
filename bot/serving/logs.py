"""Logging set-up that never writes a secret, whatever a library puts in its messages."""

from __future__ import annotations

import logging
from collections.abc import Iterable

FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
MASK = "***"


class RedactingFormatter(logging.Formatter):
    """Format records, then mask every secret in the text, tracebacks included."""

    def __init__(self, secrets: Iterable[str], fmt: str = FORMAT) -> None:
        """Mask each of `secrets` (and a bot token's part after the colon, alone)."""
        super().__init__(fmt)
        parts = set()
        for secret in secrets:
            if secret:
                parts.add(secret)
                if ":" in secret:  # Telegram tokens: "<bot id>:<secret>"
                    parts.add(secret.split(":", 1)[1])
        self._secrets = sorted((p for p in parts if len(p) >= 6), key=len, reverse=True)

    def format(self, record: logging.LogRecord) -> str:
        """Return the formatted record with secrets masked."""
        text = super().format(record)
        for secret in self._secrets:
            text = text.replace(secret, MASK)
        return text


def configure_logging(level: str, secrets: Iterable[str]) -> None:
    """Send logs to stderr at `level`, masking `secrets` in every line."""
    handler = logging.StreamHandler()
    handler.setFormatter(RedactingFormatter(secrets))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
