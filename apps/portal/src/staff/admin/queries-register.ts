import { graphql } from "../../gql";

// The register of service centers (县 → 乡镇 → 村代办点, issue 22), kept by the county center's administration.

export const RegisterCentersQuery = graphql(`
  query RegisterCenters($countyCode: String!, $level: CenterLevel) {
    serviceCenters(countyCode: $countyCode, level: $level) { code level parentCode name address openingHours phone handles open revision }
  }
`);

export const RegisterCenterChildrenQuery = graphql(`
  query RegisterCenterChildren($code: String!) {
    serviceCenter(code: $code) { code children { code level parentCode name address openingHours phone handles open revision } }
  }
`);

export const RegisterServiceCenterMutation = graphql(`
  mutation RegisterServiceCenter($input: RegisterServiceCenterInput!) {
    registerServiceCenter(input: $input) { code level parentCode name address openingHours phone handles open revision }
  }
`);

export const ChangeServiceCenterMutation = graphql(`
  mutation ChangeServiceCenter($input: ChangeServiceCenterInput!) {
    changeServiceCenter(input: $input) { code level parentCode name address openingHours phone handles open revision }
  }
`);
