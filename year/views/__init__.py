"""The year app's pages, split by sub-domain: recruitment, report, panels, training, allowance."""
