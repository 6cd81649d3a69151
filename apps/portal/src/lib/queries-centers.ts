import { graphql } from "../gql";

// The documents of the "where to go" page (乡镇便民服务中心), loaded with it.

export const ServiceCentersQuery = graphql(`
  query ServiceCenters($countyCode: String!) {
    serviceCenters(countyCode: $countyCode) {
      code level parentCode name address openingHours phone handles open
    }
  }
`);
