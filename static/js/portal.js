// Progressive enhancements only: every page works without JavaScript.
