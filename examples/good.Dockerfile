# syntax=docker/dockerfile:1
# The same service, built the way the guides recommend.
FROM python:3.12.2-slim@sha256:2d1ac2bfb8b3c5b0f1f2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4 AS build
WORKDIR /app
COPY requirements.txt .
RUN --mount=type=cache,target=/root/.cache/pip pip install --no-cache-dir -r requirements.txt

FROM python:3.12.2-slim@sha256:2d1ac2bfb8b3c5b0f1f2e3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a2b3c4
WORKDIR /app
RUN useradd --uid 10001 --no-create-home --no-log-init appuser
COPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages
COPY --chown=appuser:appuser . .
USER appuser
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s CMD ["python3", "-c", "import urllib.request; urllib.request.urlopen('http://localhost:8000/health')"]
CMD ["python3", "-m", "app"]
