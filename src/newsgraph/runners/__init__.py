"""Runners: how the pipeline is spread over processes or machines and fed to the archive."""
