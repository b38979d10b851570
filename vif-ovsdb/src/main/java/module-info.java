/**
 * A small OVSDB JSON-RPC client (RFC 7047 and the Open vSwitch extensions of ovsdb-server(7)):
 * {@link org.osvif.ovsdb.OvsdbClient} over unix, tcp or ssl, schema-checked transactions and a
 * {@link org.osvif.ovsdb.Replica} kept up to date by monitor updates.
 */
module org.osvif.ovsdb {
    // JsonNode and ObjectNode appear in the public signatures.
    requires transitive com.fasterxml.jackson.databind;
    requires org.slf4j;

    exports org.osvif.ovsdb;
}
