package cn.anju.rent;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo's stand-in for the gateway's site: its page is served by this platform under {@code /gateway-sim/}. */
@Component
@Profile("demo")
class SimulatedPaymentGateway implements PaymentGateway {

    @Override
    public String checkoutUrl(OnlinePayments.Order order) {
        return "/gateway-sim/" + order.orderNo();
    }
}
