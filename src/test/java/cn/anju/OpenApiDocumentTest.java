package cn.anju;

import cn.anju.support.PlatformTest;
import cn.anju.support.WebClient;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document integrations generate their clients from: valid by an independent parser, every reference
 * resolving, no parameter that a caller cannot send (the signed-in person), and one schema per class.
 */
@PlatformTest
class OpenApiDocumentTest {

    @LocalServerPort
    int port;

    String document;

    @BeforeEach
    void read() {
        HttpResponse<String> docs = WebClient.loggedIn(port, "admin").getJson("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        document = docs.body();
    }

    @Test
    void theDocumentIsValidOpenApiAndEveryReferenceResolves() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        options.setValidateInternalRefs(true);
        SwaggerParseResult result = new OpenAPIV3Parser().readContents(document, null, options);
        assertThat(result.getMessages()).as("validation messages").isEmpty();
        assertThat(result.getOpenAPI().getPaths()).hasSizeGreaterThan(100);
    }

    @Test
    void theSignedInPersonIsNoParameter() {
        OpenAPI api = parse();
        List<String> withUser = new ArrayList<>();
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            for (Parameter p : parameters(operation)) {
                if ("user".equals(p.getName()) || (p.getSchema() != null && String.valueOf(p.getSchema().get$ref()).endsWith("/CurrentUser"))) {
                    withUser.add(method + " " + path);
                }
            }
        }));
        assertThat(withUser).as("operations showing the principal as a parameter").isEmpty();
        assertThat(api.getComponents().getSchemas()).doesNotContainKey("CurrentUser");
    }

    @Test
    void everyClassHasItsOwnSchemaName() {
        Set<String> names = new TreeSet<>(parse().getComponents().getSchemas().keySet());
        // the seven row records that used to share one schema "Row", each under its own name
        assertThat(names).doesNotContain("Row", "PageResponseRow", "Event", "Detail", "Entry")
                .contains("WorkOrderQueriesRow", "PageResponseWorkOrderQueriesRow", "ReconciliationRow",
                        "DirectAllocationsRow", "WorkOrderQueriesEvent", "CaseQueriesEvent");
        // a name with dots is the fallback for two classes that would share a name: give one of them another name
        assertThat(names).as("schema names falling back to a qualified class name").noneMatch(n -> n.contains("."));
    }

    private OpenAPI parse() {
        return new OpenAPIV3Parser().readContents(document).getOpenAPI();
    }

    private static List<Parameter> parameters(Operation operation) {
        return operation.getParameters() == null ? List.of() : operation.getParameters();
    }
}
