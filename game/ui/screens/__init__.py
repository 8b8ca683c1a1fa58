"""The screens of the frontend: one class per screen, stacked by the App."""
