#!/usr/bin/env bash
# Train the nb and en pipelines side by side (one core each) and package the best of each run.
# Usage: bash training/train.sh [max_minutes]   (spaCy keeps model-best at every improvement, so a
# time-boxed run still yields the best model seen; the shipped models were trained this way).
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-60}"
for lang in nb en; do
  OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 timeout "${minutes}m" .venv/bin/python -m spacy train \
    training/configs/pipeline.cfg --nlp.lang "$lang" \
    --paths.train "training/corpus/$lang-train.spacy" --paths.dev "training/corpus/$lang-dev.spacy" \
    --output "training/output/$lang" > "training/output/$lang.log" 2>&1 &
done
wait || true
.venv/bin/python training/package_models.py
