package cn.anju.rent.web;

import cn.anju.identity.CurrentUser;
import cn.anju.lease.LeaseQueries;
import cn.anju.lease.LeaseStatus;
import cn.anju.rent.OnlinePayments;
import cn.anju.rent.RentQueries;
import cn.anju.shared.web.PageQuery;
import cn.anju.shared.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.UUID;

/** Online payment: the order API, the gateway's callback, the simulated gateway's page, the tenant's rent page. */
class OnlinePaymentWeb {

    private OnlinePaymentWeb() {
    }

    @RestController
    @Tag(name = "线上缴费 Online payment")
    static class Api {

        private final OnlinePayments online;

        Api(OnlinePayments online) {
            this.online = online;
        }

        record NewOrder(Long leaseId, BigDecimal amount) {
        }

        @PostMapping("/api/v1/online-payments")
        @ResponseStatus(HttpStatus.CREATED)
        @Operation(summary = "创建线上支付订单（住户本户，或服务范围内的承接主体）")
        OnlinePayments.Order open(CurrentUser user, @RequestBody NewOrder order) {
            if (order.leaseId() == null) {
                throw ProblemException.badRequest("PAYMENT_LEASE_REQUIRED", "请指定租赁合同。");
            }
            return online.open(user, order.leaseId(), order.amount());
        }

        @PostMapping("/api/v1/gateway/callbacks/sim")
        @Operation(summary = "支付平台回调（服务器间调用；HMAC-SHA256 签名、时间戳、一次性随机串，校验不通过一律拒绝且不入账）")
        OnlinePayments.Confirmed callback(@RequestHeader(name = "X-Gateway-Timestamp", required = false) String timestamp,
                                          @RequestHeader(name = "X-Gateway-Nonce", required = false) String nonce,
                                          @RequestHeader(name = "X-Gateway-Signature", required = false) String signature,
                                          @RequestBody(required = false) String body) {
            return online.callback(timestamp, nonce, signature, body);
        }
    }

    /**
     * The simulated gateway's own page (模拟支付平台), demo profile only: in production the household pays on the real
     * gateway's site, which then calls our callback; here the page does exactly that over HTTP, with a signed request,
     * to the callback URL of the configuration ({@code anju.gateway.sim.callback-url}), never one built from the
     * request's Host header.
     */
    @Controller
    @Profile("demo")
    static class SimulatedGateway {

        private final OnlinePayments online;
        private final Clock clock;
        private final Environment environment;

        SimulatedGateway(OnlinePayments online, Clock clock, Environment environment) {
            this.online = online;
            this.clock = clock;
            this.environment = environment;
        }

        /** Read when paying, not at start-up: the default follows the port the server actually listens on. */
        private URI callbackUrl() {
            return URI.create(environment.getRequiredProperty("anju.gateway.sim.callback-url"));
        }

        @GetMapping("/gateway-sim/{orderNo}")
        String page(@PathVariable String orderNo, Model model) {
            model.addAttribute("order", online.order(orderNo));
            return "rent/gateway-sim";
        }

        @PostMapping("/gateway-sim/{orderNo}/pay")
        String pay(@PathVariable String orderNo, RedirectAttributes redirect) throws Exception {
            OnlinePayments.Order order = online.order(orderNo);
            String body = "{\"orderNo\":\"" + order.orderNo() + "\",\"transactionId\":\"SIM" + UUID.randomUUID().toString().replace("-", "")
                    + "\",\"amount\":" + order.amount().toPlainString() + ",\"status\":\"PAID\"}";
            String timestamp = Long.toString(clock.instant().getEpochSecond());
            String nonce = UUID.randomUUID().toString();
            try (HttpClient http = HttpClient.newHttpClient()) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(callbackUrl())
                        .header("Content-Type", "application/json").header("X-Gateway-Timestamp", timestamp)
                        .header("X-Gateway-Nonce", nonce).header("X-Gateway-Signature", online.sign(timestamp, nonce, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                redirect.addFlashAttribute(r.statusCode() == 200 ? "notice" : "error",
                        r.statusCode() == 200 ? "支付成功，租金已入账。" : "支付平台回调未被接受：" + r.statusCode());
            }
            return "redirect:/my/rent";
        }
    }

    @Controller
    @PreAuthorize("@rentAccess.tenant(authentication)")
    static class TenantRent {

        private final LeaseQueries leases;
        private final RentQueries queries;
        private final OnlinePayments online;

        TenantRent(LeaseQueries leases, RentQueries queries, OnlinePayments online) {
            this.leases = leases;
            this.queries = queries;
            this.online = online;
        }

        @GetMapping("/my/rent")
        String page(CurrentUser user, Model model) {
            var mine = leases.list(user, null, PageQuery.of(1, 10)).items().stream()
                    .filter(l -> l.status() == LeaseStatus.ACTIVE || l.movedOutOn() == null && l.vacateBy() != null).findFirst();
            model.addAttribute("account", mine.map(l -> queries.account(user, l.id())).orElse(null));
            model.addAttribute("onlineOpen", online.available());
            return "rent/my-rent";
        }

        @PostMapping("/my/rent/online")
        String pay(CurrentUser user, @RequestParam long leaseId, @RequestParam BigDecimal amount, RedirectAttributes redirect) {
            try {
                return "redirect:" + online.checkoutUrl(online.open(user, leaseId, amount));
            } catch (ProblemException e) {
                if (e.status().value() == 403) {
                    throw e;
                }
                redirect.addFlashAttribute("error", e.getMessage());
                return "redirect:/my/rent";
            }
        }
    }
}
