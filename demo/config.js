// Where the demo finds the Broadsheet API. Empty: the origin that serves these pages (dev mode serves them at /demo/).
// From another origin (listed in BROADSHEET_CORS_ORIGINS), open any page once with ?api=http://localhost:8080.
export const API_BASE = '';
