package cn.anju.rent;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.stereotype.Component;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The online payment gateway the district contracted: where the household is sent to pay an order. The gateway then
 * confirms by a signed callback ({@link OnlinePayments#callback}). With no gateway bean (production before a gateway
 * is configured), online payment is not open and the platform says so; the demo's {@link SimulatedPaymentGateway}
 * exists only in the {@code demo} profile.
 */
public interface PaymentGateway {

    /** The gateway's page for this order (an absolute URL, or a path on this server for the simulator). */
    String checkoutUrl(OnlinePayments.Order order);

    /**
     * A gateway hosted elsewhere, configured by {@code anju.gateway.checkout-url} (with {@code {orderNo}} in it) and
     * {@code anju.gateway.secret}: the household pays on its page, it calls back signed with the shared secret.
     */
    @Component
    @ConditionalOnExpression(
            "'${anju.gateway.checkout-url:}' != '' and '${anju.gateway.secret:}' != ''")
    class Hosted implements PaymentGateway {

        private final String template;

        Hosted(@Value("${anju.gateway.checkout-url}") String template) {
            this.template = template;
        }

        @Override
        public String checkoutUrl(OnlinePayments.Order order) {
            return template.replace("{orderNo}", URLEncoder.encode(order.orderNo(), StandardCharsets.UTF_8));
        }
    }
}
