 dependencies {
  implementation("com.alibaba:dashscope-sdk-java:2.16.0")
  implementation('com.squareup.okhttp3:okhttp:4.12.0')
}
