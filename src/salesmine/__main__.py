"""``python -m salesmine``."""

from salesmine.cli import cli

if __name__ == "__main__":
    cli()
