"""The Library area: article reader, browser and search, closeness ideas."""
