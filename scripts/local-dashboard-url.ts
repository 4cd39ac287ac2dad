/**
 * The Auth0 Dashboard address `npm start` and the end-to-end servers give the SPA: the local
 * tenant has no Dashboard, but with an Auth0-shaped address the "Open in Auth0 Dashboard" links
 * show, as they do for a real tenant. VITE_AUTH0_DASHBOARD_URL in the environment wins.
 */
export const LOCAL_DASHBOARD_URL = 'https://manage.auth0.com/dashboard/us/orgscope-local'
