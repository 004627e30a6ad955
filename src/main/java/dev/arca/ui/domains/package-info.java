/**
 * The Domains page ({@link dev.arca.ui.domains.DomainsViewModel}): list, create and delete domains, with their keys
 * and tags.
 */
package dev.arca.ui.domains;
