"""Platform adapters that translate chat updates to `Query` and `Answer` to messages."""
