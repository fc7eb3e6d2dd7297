"""The gaps log: what the bot could not answer or answered wrong, stored and reported."""
