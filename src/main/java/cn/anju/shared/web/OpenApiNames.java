package cn.anju.shared.web;

import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.core.jackson.TypeNameResolver;
import io.swagger.v3.core.util.Json31;
import io.swagger.v3.core.util.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springdoc.core.properties.SpringDocConfigProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Unique schema names in the OpenAPI document. By default a schema is named by the class's simple name, so
 * {@code WorkOrderQueries.Row} and {@code Reconciliation.Row} both become {@code Row} and one silently replaces the
 * other in the document: a client generated from it reads the wrong fields.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiNames {

    /**
     * Replaces swagger's default resolver (springdoc swaps a registered converter of the same class for ours). First in
     * the bean list, so springdoc's own converters (ResponseEntity, files, paging) still come before it in the chain.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static ModelResolver uniqueSchemaNames(ObjectProvider<SpringDocConfigProperties> springDoc) {
        SpringDocConfigProperties properties = springDoc.getIfAvailable();
        boolean openApi31 = properties == null || properties.isOpenapi31();
        return openApi31
                ? new ModelResolver(Json31.mapper(), new UniqueNames()).openapi31(true)
                : new ModelResolver(Json.mapper(), new UniqueNames());
    }

    /**
     * A nested type is named with its enclosing types ({@code WorkOrderQueriesRow}): stable, so an integration's
     * generated client keeps its class names from one release to the next. Two classes that would still share a name
     * fall back to the fully qualified name, which the OpenAPI test refuses, so a clash is fixed when it is made.
     */
    static final class UniqueNames extends TypeNameResolver {

        private static final Logger log = LoggerFactory.getLogger(UniqueNames.class);

        private final Map<String, Class<?>> taken = new ConcurrentHashMap<>();

        @Override
        protected String getNameOfClass(Class<?> cls) {
            String name = nested(cls);
            Class<?> owner = taken.putIfAbsent(name, cls);
            if (owner != null && owner != cls) {
                log.warn("OpenAPI schema name {} is used by two classes; {} falls back to its qualified name", name, cls.getName());
                return cls.getName().replace('$', '.');
            }
            return name;
        }

        private static String nested(Class<?> cls) {
            Class<?> enclosing = cls.getEnclosingClass();
            return enclosing == null ? cls.getSimpleName() : nested(enclosing) + cls.getSimpleName();
        }
    }
}
