/**
 * Signed sessions: the token a site's backend mints for a session ({@link dev.pulse.server.auth.SessionToken}),
 * its keys ({@link dev.pulse.server.auth.SigningKey}) and the check a hello's token goes through
 * ({@link dev.pulse.server.auth.SessionTokenVerifier}).
 */
package dev.pulse.server.auth;
