"""The tutorial's FastAPI + pyplot chart app, packaged so it can be built like a Lambda."""
