package cn.anju.shared.web;

import com.fasterxml.jackson.databind.type.TypeFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Schema names: nested types carry their enclosing types; two classes never share a name. */
class OpenApiNamesTest {

    static class WorkOrders {
        record Row(long id) {
        }
    }

    static class Cases {
        record Row(long id) {
        }
    }

    // "A" + "BRow" and "AB" + "Row" spell the same name
    static class A {
        record BRow(long id) {
        }
    }

    static class AB {
        record Row(long id) {
        }
    }

    private static String name(OpenApiNames.UniqueNames names, Class<?> type) {
        return names.nameForType(TypeFactory.defaultInstance().constructType(type));
    }

    @Test
    void nestedTypesAreNamedWithTheirEnclosingTypes() {
        OpenApiNames.UniqueNames names = new OpenApiNames.UniqueNames();
        assertThat(name(names, WorkOrders.Row.class)).isEqualTo("OpenApiNamesTestWorkOrdersRow");
        assertThat(name(names, Cases.Row.class)).isEqualTo("OpenApiNamesTestCasesRow");
        assertThat(name(names, WorkOrders.Row.class)).as("stable on the next call").isEqualTo("OpenApiNamesTestWorkOrdersRow");
        assertThat(name(names, String.class)).isEqualTo("string");
    }

    @Test
    void aClashFallsBackToTheQualifiedName() {
        OpenApiNames.UniqueNames names = new OpenApiNames.UniqueNames();
        assertThat(name(names, A.BRow.class)).isEqualTo("OpenApiNamesTestABRow");
        assertThat(name(names, AB.Row.class)).isEqualTo("cn.anju.shared.web.OpenApiNamesTest.AB.Row");
    }
}
