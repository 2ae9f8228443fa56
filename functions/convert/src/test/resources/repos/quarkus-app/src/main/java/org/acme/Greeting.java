package org.acme; public class Greeting {}
