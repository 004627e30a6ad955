/**
 * The Principals tab ({@link dev.arca.ui.principals.PrincipalsViewModel}): IAM users and roles of the connection's
 * account, their access keys and inline policies.
 */
package dev.arca.ui.principals;
