/**
 * Access tokens carry no email on Auth0; a post-login Action adds it under this namespace for the
 * proxy's audit log, which reads it here. The local tenant adds it to the dashboard API's tokens.
 */
export const ADMIN_EMAIL_CLAIM = 'https://orgscope/email'
