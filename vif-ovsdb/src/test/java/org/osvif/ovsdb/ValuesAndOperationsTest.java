package org.osvif.ovsdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Values and operations in RFC 7047 notation. */
class ValuesAndOperationsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Compared as text: Jackson's IntNode and LongNode of the same number are not equal. */
    private static String json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"')).toString();
    }

    @Test
    @DisplayName("values round-trip: atoms stay atoms, sets, maps, uuid, named-uuid; ints become Long")
    void values() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("b", 2);
        m.put("a", 1);
        assertThat(OvsdbValues.toJson(5).toString()).isEqualTo(json("5"));
        assertThat(OvsdbValues.toJson(OvsdbSet.of(1, "x")).toString()).isEqualTo(json("['set',[1,'x']]"));
        assertThat(OvsdbValues.toJson(OvsdbMap.of(m)).toString()).isEqualTo(json("['map',[['b',2],['a',1]]]"));
        assertThat(OvsdbValues.toJson(new NamedUuid("row1")).toString()).isEqualTo(json("['named-uuid','row1']"));
        Uuid u = Uuid.of("2a1c5b0e-6d2f-4c3a-9b8e-1f2e3d4c5b6a");
        assertThat(OvsdbValues.fromJson(JSON.readTree(json("['uuid','2a1c5b0e-6d2f-4c3a-9b8e-1f2e3d4c5b6a']")))).isEqualTo(u);
        assertThat(OvsdbValues.fromJson(JSON.readTree(json("['set',[1,2]]")))).isEqualTo(OvsdbSet.of(1L, 2L));
        assertThat(OvsdbValues.fromJson(JSON.readTree(json("['map',[['b',2],['a',1]]]")))).isEqualTo(OvsdbMap.of(m));
        assertThat(OvsdbValues.fromJson(JSON.readTree(json("1.5")))).isEqualTo(1.5);
        assertThat(OvsdbValues.fromJson(JSON.readTree(json("true")))).isEqualTo(true);
        assertThatThrownBy(() -> OvsdbValues.toJson(new Object())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NamedUuid("1bad")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("every operation has its RFC 7047 form")
    void operations() throws Exception {
        Uuid u = Uuid.of("2a1c5b0e-6d2f-4c3a-9b8e-1f2e3d4c5b6a");
        assertThat(Operation.insert("Bridge", Map.of("name", "br1"), "br").toJson().toString())
                .isEqualTo(json("{'op':'insert','table':'Bridge','row':{'name':'br1'},'uuid-name':'br'}"));
        assertThat(Operation.select("Bridge", List.of(Condition.uuidIs(u)), List.of("name")).toJson().toString())
                .isEqualTo(json("{'op':'select','table':'Bridge','where':[['_uuid','==',['uuid','" + u + "']]],"
                        + "'columns':['name']}"));
        assertThat(Operation.update("Port", List.of(Condition.eq("name", "p")), Map.of("tag", 5)).toJson().toString())
                .isEqualTo(json("{'op':'update','table':'Port','where':[['name','==','p']],'row':{'tag':5}}"));
        assertThat(Operation.mutate("Open_vSwitch", List.of(), List.of(new Mutation("next_cfg", "+=", 1))).toJson().toString())
                .isEqualTo(json("{'op':'mutate','table':'Open_vSwitch','where':[],'mutations':[['next_cfg','+=',1]]}"));
        assertThat(Operation.delete("Port", List.of(new Condition("tag", "includes", 5))).toJson().toString())
                .isEqualTo(json("{'op':'delete','table':'Port','where':[['tag','includes',5]]}"));
        assertThat(Operation.wait("Bridge", List.of(), List.of("name"), "==", List.of(Map.of("name", "x")), 0L)
                .toJson().toString()).isEqualTo(json("{'op':'wait','table':'Bridge','timeout':0,'where':[],'columns':['name'],"
                        + "'until':'==','rows':[{'name':'x'}]}"));
        assertThat(Operation.commit(true).toJson().toString()).isEqualTo(json("{'op':'commit','durable':true}"));
        assertThat(Operation.abort().toJson().toString()).isEqualTo(json("{'op':'abort'}"));
        assertThat(Operation.comment("hi").toJson().toString()).isEqualTo(json("{'op':'comment','comment':'hi'}"));
        assertThat(Operation.assertLock("l").toJson().toString()).isEqualTo(json("{'op':'assert','lock':'l'}"));
        assertThatThrownBy(() -> new Condition("a", "=~", 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Operation.wait("B", List.of(), List.of(), "<", List.of(), null))
                .hasMessageContaining("until");
    }

    @Test
    @DisplayName("endpoints: unix, tcp, ssl, IPv6 in brackets, default port; bad ones named")
    void endpoints() {
        assertThat(OvsdbEndpoint.parse("unix:/run/db.sock").path()).isEqualTo("/run/db.sock");
        OvsdbEndpoint v6 = OvsdbEndpoint.parse("ssl:[::1]:6641");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.port()).isEqualTo(6641);
        assertThat(OvsdbEndpoint.parse("tcp:127.0.0.1").port()).isEqualTo(6640);
        assertThat(v6.toString()).isEqualTo("ssl:[::1]:6641");
        assertThatThrownBy(() -> OvsdbEndpoint.parse("ptcp:6640")).hasMessageContaining("'ptcp:6640'");
        assertThatThrownBy(() -> OvsdbEndpoint.parse("tcp:1.2.3.4:70000")).hasMessageContaining("port");
        assertThatThrownBy(() -> OvsdbClientOptions.builder(OvsdbEndpoint.parse("ssl:127.0.0.1")).build())
                .hasMessageContaining("privateKey");
    }
}
