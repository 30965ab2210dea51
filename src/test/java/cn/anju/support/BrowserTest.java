package cn.anju.support;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Base of the page tests: the platform on a random port and one real Chromium per test class. */
@PlatformTest
public abstract class BrowserTest {

    protected static Browser browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void openBrowser() {
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        browser.close();
    }

    protected String base() {
        return "http://localhost:" + port;
    }

    protected String url(String path) {
        return base() + path;
    }
}
