"""`python -m components.assets`: publish the assets under static/ (`make assets`)."""

from components.assets.static import STATIC_DIR, publish_static

print(f"published {publish_static()} asset files to {STATIC_DIR}")
