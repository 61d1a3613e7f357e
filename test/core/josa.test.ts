import { describe, expect, it } from 'vitest';
import { josa } from '../../src/core/josa.js';

describe('Korean particles', () => {
  it.each([
    ['배포 정책', '은/는', '배포 정책은'],
    ['스토리지 클래스', '은/는', '스토리지 클래스는'],
    ['S3', '을/를', 'S3를'],
    ['Route 53', '을/를', 'Route 53을'],
    ['Lambda', '을/를', 'Lambda를'],
    ['SQS 대기열', '을/를', 'SQS 대기열을'],
    ['EBS', '이/가', 'EBS가'],
    ['VPC', '과/와', 'VPC와'],
    ['AWS Organizations (조직)', '은/는', 'AWS Organizations (조직)은'],
    ['Amazon EFS', '은/는', 'Amazon EFS는'],
    ['IAM', '을/를', 'IAM을'],
    ['EC2', '을/를', 'EC2를'],
    ['io1', '이/가', 'io1이'],
  ] as const)('%s + %s → %s', (word, particle, expected) => {
    expect(josa(word, particle)).toBe(expected);
  });
});
