import { graphql } from "../gql";

// The refresh token is selected so that the gateway moves it into the HttpOnly cookie (the
// request carries x-onestop-refresh: cookie), as for a citizen's sign-in.
export const StaffLoginMutation = graphql(`
  mutation StaffLogin($input: LoginInput!) {
    login(input: $input) {
      accessToken expiresAt refreshToken refreshExpiresAt roles
      staff { id name code centerCode department { id name } }
    }
  }
`);
