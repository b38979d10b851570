package org.osvif.objects;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.osvif.objects.base.InvalidFieldValueException;

/** SubnetList.of(): a list object with its objects set and changed, as {@code SubnetList(objects=[...])}. */
@DisplayName("SubnetList")
class SubnetListTest {

    /** {@code json.dumps(SubnetList(objects=[]).obj_to_primitive(), sort_keys=True, indent=2)} from Python. */
    private static final String PYTHON_EMPTY = """
            {
              "versioned_object.changes": [
                "objects"
              ],
              "versioned_object.data": {
                "objects": []
              },
              "versioned_object.name": "SubnetList",
              "versioned_object.namespace": "os_vif",
              "versioned_object.version": "1.0"
            }
            """;

    @Test
    @DisplayName("of() is an empty list, set and changed, written as Python writes SubnetList(objects=[])")
    void empty() {
        SubnetList l = SubnetList.of();
        assertThat(l.objects()).isEmpty();
        assertThat(l.changedFields()).containsExactly("objects");
        assertThat(OsVifObjects.codec().toJson(l)).isEqualTo(PYTHON_EMPTY);
    }

    @Test
    @DisplayName("of(items) keeps their order")
    void items() {
        Subnet a = Subnet.builder().cidr("10.0.0.0/24").build();
        Subnet b = Subnet.builder().cidr("10.0.1.0/24").build();
        assertThat(SubnetList.of(b, a).objects()).containsExactly(b, a);
    }

    @Test
    @DisplayName("of(null) is refused as a None element")
    void nullItem() {
        assertThatThrownBy(() -> SubnetList.of((Subnet) null)).isInstanceOf(InvalidFieldValueException.class)
                .hasMessage("SubnetList.objects: list elements cannot be None (value: '[null]')");
    }
}
