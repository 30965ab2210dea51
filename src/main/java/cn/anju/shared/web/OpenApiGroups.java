package cn.anju.shared.web;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.models.GroupedOpenApi;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Two OpenAPI documents: {@code /v3/api-docs}, the platform's signed-in API ({@code /api/v1/**}), and
 * {@code /v3/api-docs/public}, the API anyone may call without signing in ({@code /api/public/**}), so that an
 * integrator of the published data reads only that. springdoc's {@code paths-to-match} holds both prefixes (a group
 * sees only what the global setting lets through); each document then keeps its own.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiGroups {

    static final String PUBLIC = "/api/public/";

    /** The default document (customizers declared as beans apply to it, not to groups): without the public paths. */
    @Bean
    OpenApiCustomizer signedInOnly() {
        return api -> {
            if (api.getPaths() != null) {
                api.getPaths().keySet().removeIf(path -> path.startsWith(PUBLIC));
            }
        };
    }

    @Bean
    GroupedOpenApi publicApi() {
        return GroupedOpenApi.builder().group("public").displayName("公开信息 API（无需登录）").pathsToMatch(PUBLIC + "**")
                .addOpenApiCustomizer(api -> api.getPaths().keySet().removeIf(path -> !path.startsWith(PUBLIC))).build();
    }
}
