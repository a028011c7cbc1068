create database test;
