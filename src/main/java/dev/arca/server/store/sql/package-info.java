/**
 * The metadata store in SQL: one {@code Sql*Records} class per aggregate over a {@code SqlSession}, the change clock,
 * and the SQLite backend ({@link dev.arca.server.store.sql.SqliteMetadataStore}) with its migrations.
 */
package dev.arca.server.store.sql;
