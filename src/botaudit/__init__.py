"""botaudit: audit a public-service chatbot against the fourteen public-service chatbot values."""

__version__ = "0.1.0"
