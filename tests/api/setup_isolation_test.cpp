// Placeholder: filled in by the setup black-box tests.
