// The browser tests' environment. When a test fails, CI keeps only what jest printed, so the
// portal harness is asked, before the test's pages close, to describe what they showed: a
// screenshot, the notices on screen, and the GraphQL errors the page received.
const { TestEnvironment } = require("jest-environment-node");

class BrowserTestEnvironment extends TestEnvironment {
  async handleTestEvent(event) {
    if (event.name !== "test_fn_failure") return;
    const describeFailure = this.global.__describePortalFailure;
    if (typeof describeFailure !== "function") return;
    try {
      await describeFailure(event.test.name);
    } catch (error) {
      // The description helps a reader; its own failure must not hide the test's.
      console.error(`could not describe the failed test's pages: ${error}`);
    }
  }
}

module.exports = BrowserTestEnvironment;
