package com.commcredits.web.view;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/** Builds the template engine once per deployment. */
@WebListener
public class ViewSetup implements ServletContextListener {
  @Override
  public void contextInitialized(ServletContextEvent event) {
    event.getServletContext().setAttribute(Views.ATTRIBUTE, new Views(event.getServletContext()));
  }
}
