/**
 * The Repositories page ({@link dev.arca.ui.repositories.RepositoriesViewModel}) and the repository editor: upstreams,
 * external connection, description.
 */
package dev.arca.ui.repositories;
