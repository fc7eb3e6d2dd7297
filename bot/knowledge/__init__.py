"""Knowledge: reading, validating and linting a knowledge folder."""
