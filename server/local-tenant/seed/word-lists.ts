/** Raw material for generated names. Some entries carry diacritics on purpose. */

/** Comma-separated words, so the lists stay readable (one per line would be hundreds of lines). */
function commaList(text: string): readonly string[] {
  return text
    .split(',')
    .map((word) => word.trim())
    .filter((word) => word.length > 0)
}

export const GIVEN_NAMES = commaList(`
  Ada, Alan, Amara, Ana, Aron, Beatriz, Bjørn, Carlos, Chloé, Dana, Diego, Elif, Emma,
  Fatima, Felix, Grace, Hannah, Ines, Ivan, Jamal, Jane, Janet, Javier, João, Jonas, Kai,
  Karin, Lars, Leila, Liam, Lucía, Maya, Mateo, Mei, Nadia, Noah, Olga, Omar, Priya,
  Rafael, Renée, Rohan, Sara, Søren, Tomás, Uma, Victor, Wei, Yusuf, Zoë
`)

export const FAMILY_NAMES = commaList(`
  Abbott, Alvarez, Andersen, Baker, Bauer, Chen, Costa, Dubois, Eriksson, Fernández,
  Fischer, García, Gupta, Hansen, Hoffmann, Ito, Jansen, Kaur, Kim, Kowalski, Larsen,
  López, Martin, Müller, Nakamura, Nguyen, O'Brien, Okafor, Patel, Pereira, Quinn, Rossi,
  Santos, Schmidt, Silva, Smith, Svensson, Tanaka, Taylor, Van der Berg, Wagner,
  Williams, Yamamoto, Zhang
`)

/** Whole names in other scripts, with the ASCII local part their email uses. */
export const INTERNATIONAL_PEOPLE = [
  { given: '花子', family: '佐藤', name: '佐藤 花子', emailLocal: 'hanako.sato' },
  { given: '太郎', family: '山田', name: '山田 太郎', emailLocal: 'taro.yamada' },
  { given: 'ليلى', family: 'حداد', name: 'ليلى حداد', emailLocal: 'layla.haddad' },
  { given: 'Дмитрий', family: 'Иванов', name: 'Дмитрий Иванов', emailLocal: 'dmitry.ivanov' },
  { given: 'Ελένη', family: 'Παπαδοπούλου', name: 'Ελένη Παπαδοπούλου', emailLocal: 'eleni.p' },
  { given: '민준', family: '김', name: '김민준', emailLocal: 'minjun.kim' },
  { given: 'अनन्या', family: 'शर्मा', name: 'अनन्या शर्मा', emailLocal: 'ananya.sharma' },
  { given: 'נועה', family: 'לוי', name: 'נועה לוי', emailLocal: 'noa.levi' },
] as const

export const EMAIL_DOMAINS = commaList(`
  acme.com, globex.com, initech.com, umbrella-corp.com, example.org, gmail.com,
  outlook.com, stark.industries, wayne-enterprises.com, hooli.xyz, piedpiper.io,
  contoso.com, fabrikam.com, northwind.example, tailspin.example
`)

export const ENTERPRISE_CONNECTIONS = [
  { provider: 'samlp', connection: 'acme-saml', domain: 'acme.com' },
  { provider: 'samlp', connection: 'globex-okta', domain: 'globex.com' },
  { provider: 'waad', connection: 'contoso-azure', domain: 'contoso.com' },
  { provider: 'oidc', connection: 'initech-oidc', domain: 'initech.com' },
] as const

export const ORGANIZATION_ADJECTIVES = commaList(`
  Blue, Bright, Cedar, Coastal, Crimson, Eastern, Golden, Granite, Green, Harbor, Hidden,
  Iron, Lunar, Maple, Silver, Northern, Open, Pacific, Prairie, Quantum, Rapid, Red,
  River, Solar, Stone, Summit, True, Urban, Valley, Western
`)

export const ORGANIZATION_NOUNS = commaList(`
  Analytics, Bakery, Biotech, Brewing, Capital, Clinic, Cloud, Robotics, Dynamics,
  Energy, Engineering, Farms, Foods, Freight, Games, Health, Insurance, Labs, Legal,
  Logistics, Media, Metals, Mobility, Motors, Networks, Optics, Partners, Pharma, Realty,
  Retail, Security, Software, Studios, Systems, Textiles, Trading, Travel, Ventures,
  Wellness, Works
`)

export const ORGANIZATION_SUFFIXES = [
  'Inc.',
  'LLC',
  'Ltd',
  'GmbH',
  'S.A.',
  'AB',
  'Co.',
  'Group',
  'Holdings',
  'K.K.',
  'B.V.',
  '',
] as const

export const METADATA_VALUES = {
  plan: ['free', 'starter', 'professional', 'enterprise'],
  region: ['us-east-1', 'us-west-2', 'eu-central-1', 'ap-northeast-1', 'sa-east-1'],
  tier: ['bronze', 'silver', 'gold', 'platinum'],
  account_manager: ['ada@orgscope.test', 'sam@orgscope.test', 'unassigned'],
  industry: ['retail', 'healthcare', 'finance', 'education', 'manufacturing', 'public sector'],
} as const
