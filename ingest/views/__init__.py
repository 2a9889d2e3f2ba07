"""The secretariat's upload workflow: upload and list, then check, correct and publish."""
