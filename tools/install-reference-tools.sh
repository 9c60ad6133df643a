#!/usr/bin/env bash
# Installs the outside programs that produce pluralstats' reference values and fixtures (Debian).
# Only needed to regenerate fixtures; building and testing pluralstats needs just a JDK and Maven.
set -euo pipefail
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
  python3-scipy python3-pandas python3-statsmodels \
  r-cran-survey r-cran-haven r-cran-foreign r-cran-lme4 r-cran-data.table \
  pspp readstat
