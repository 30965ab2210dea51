package cn.anju.feedback.channel;

import cn.anju.shared.web.MachineEndpoint;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The channels' server-to-server URLs: no session and no CSRF token, each checks its caller's signature itself. */
@Configuration(proxyBeanMethods = false)
class ChannelEndpoints {

    /** WeChat's servers call the official account's server URL; {@link WeChatEndpoint} checks the signature. */
    @Bean
    MachineEndpoint weChatServerUrl() {
        return new MachineEndpoint(WeChatEndpoint.PATH);
    }
}
