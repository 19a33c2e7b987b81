package dev.migrate.jpa.app;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * An application class whose package is the default entity package.
 */
@SpringBootApplication
public class ShopApplication {

}
