package com.example; public class Orders {}
